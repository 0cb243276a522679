-- Whether an advisor has a socket whose token is still valid at `now` (ms): the sessions hash
-- (see presence/lua/sessions.lua, key shape as redis/keys.ts) holds each socket's token expiry
-- last. A token's end is part of availability, even before its socket has been disconnected
-- (its process may have died), so an expired advisor is never handed a chat.
local function holdsValidToken(prefix, advisorId, now)
  for _, session in ipairs(redis.call('HVALS', prefix .. ':sessions:a:' .. advisorId)) do
    if tonumber(string.match(session, '(%d+)$') or '0') > now then return true end
  end
  return false
end

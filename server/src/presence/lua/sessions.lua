-- A member's open sockets across every process, kept to a cap: records a socket (or its new token
-- expiry) or forgets one, and names the oldest sockets past the cap for closing.
-- KEYS[1] the member's sessions: socket id -> "connectedAtMs processId tokenExpiresAtMs"
-- KEYS[2] set of live processes (presence)
-- ARGV[1] 'open' or 'close'   ARGV[2] socket id   ARGV[3] process id   ARGV[4] now (ms)
-- ARGV[5] the socket's token expiry (ms)   ARGV[6] most sockets kept (both for 'open' only)
-- An open keeps a socket's first connect time (a refresh does not make it the newest), and the
-- socket being opened is never the one closed. Sockets of processes no longer live are dropped
-- quietly: their process died, so there is nothing to close.
-- Returns {latest token expiry among the sockets kept (ms; 0 when none), ids to close...}.
local op, socketId, processId, now = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
if op == 'open' then
  local connectedAt = now
  local held = redis.call('HGET', KEYS[1], socketId)
  if held then connectedAt = tonumber(string.match(held, '^(%d+)')) or now end
  redis.call('HSET', KEYS[1], socketId, connectedAt .. ' ' .. processId .. ' ' .. ARGV[5])
else
  redis.call('HDEL', KEYS[1], socketId)
end

local kept = {}
local entries = redis.call('HGETALL', KEYS[1])
for i = 1, #entries, 2 do
  local at, owner, expires = string.match(entries[i + 1], '^(%d+) (%S+) (%d+)$')
  if at and redis.call('SISMEMBER', KEYS[2], owner) == 1 then
    local order = tonumber(at)
    if op == 'open' and entries[i] == socketId then order = math.huge end
    kept[#kept + 1] = { id = entries[i], order = order, expires = tonumber(expires) }
  else
    redis.call('HDEL', KEYS[1], entries[i])
  end
end
table.sort(kept, function(a, b)
  if a.order ~= b.order then return a.order < b.order end
  return a.id < b.id
end)

local out = { 0 }
local excess = 0
if op == 'open' then excess = #kept - tonumber(ARGV[6]) end
for i, session in ipairs(kept) do
  if i <= excess then
    redis.call('HDEL', KEYS[1], session.id)
    out[#out + 1] = session.id
  elseif session.expires > out[1] then
    out[1] = session.expires
  end
end
-- Nothing outlives its tokens by long, even if every process holding it died.
if out[1] == 0 then redis.call('DEL', KEYS[1]) else redis.call('PEXPIREAT', KEYS[1], out[1] + 3600000) end
return out

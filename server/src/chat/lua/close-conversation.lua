-- Closes a conversation: leaves the queue or frees the advisor's slot, and lists it for the
-- archive, which moves it to PostgreSQL and then deletes these keys (they have no expiry before).
-- KEYS[1] conversation hash   KEYS[2] unarchived chats (zset)
-- ARGV[1] key prefix   ARGV[2] closed by   ARGV[3] now (ms)
-- The advisor's and visitor's keys are rebuilt from the prefix (same shapes as redis/keys.ts)
-- because they are only known once the hash is read.
-- Returns {previous status, advisorId or '', queue, visitorKey}; {} when no such conversation.
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
local status, advisorId, queue, visitorKey =
  unpack(redis.call('HMGET', KEYS[1], 'status', 'advisorId', 'queue', 'visitorKey'))
advisorId = advisorId or ''
if status == 'closed' then return {status, advisorId, queue, visitorKey} end
local prefix = ARGV[1]
local id = redis.call('HGET', KEYS[1], 'id')
if status == 'queued' then
  redis.call('ZREM', prefix .. ':queue:' .. queue .. ':waiting', id)
  redis.call('HDEL', prefix .. ':queue:' .. queue .. ':visitors', id)
elseif status == 'active' and advisorId ~= '' then
  local advisorKey = prefix .. ':advisor:' .. advisorId
  if redis.call('SREM', advisorKey .. ':convs', id) == 1 then
    local load = redis.call('HINCRBY', advisorKey, 'load', -1)
    -- Re-rank the advisor in every pool they are in: less loaded, and idle since now.
    local queues = redis.call('HGET', advisorKey, 'queues') or ''
    for served in string.gmatch(queues, '[^,]+') do
      local pool = prefix .. ':queue:' .. served .. ':advisors'
      if redis.call('ZSCORE', pool, advisorId) then
        redis.call('ZADD', pool, load * 1e13 + tonumber(ARGV[3]), advisorId)
      end
    end
  end
end
local pointer = prefix .. ':visitor:' .. visitorKey .. ':active'
if redis.call('GET', pointer) == id then redis.call('DEL', pointer) end
redis.call('HSET', KEYS[1], 'status', 'closed', 'closedBy', ARGV[2], 'closedAt', ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[3], id)
return {status, advisorId, queue, visitorKey}

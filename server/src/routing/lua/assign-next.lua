-- Assigns the oldest waiting conversation of a queue to the least-loaded available advisor with a
-- free slot (ties: idle longest), atomically: never two advisors for one chat, never above capacity.
-- KEYS[1] queue's waiting set (score: enqueue ms)   KEYS[2] queue's advisor pool
--         (score: load * 1e13 + ms since idle, so ZRANGE walks least loaded, then longest idle)
-- ARGV[1] key prefix   ARGV[2] now (ms)
-- Advisor and conversation keys are rebuilt from the prefix (same shapes as redis/keys.ts):
-- which advisor gets the chat is only known inside the script.
-- Returns {conversationId, advisorId}, or {} when nothing waits or no advisor has a free slot.
local head = redis.call('ZRANGE', KEYS[1], 0, 0)
if #head == 0 then return {} end
local conversationId = head[1]
local prefix = ARGV[1]
local now = tonumber(ARGV[2])
for _, advisorId in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local advisorKey = prefix .. ':advisor:' .. advisorId
  local capacity, load, availability, queues =
    unpack(redis.call('HMGET', advisorKey, 'capacity', 'load', 'availability', 'queues'))
  if availability == 'available' and tonumber(load or 0) < tonumber(capacity or 0) then
    redis.call('ZREM', KEYS[1], conversationId)
    local newLoad = redis.call('HINCRBY', advisorKey, 'load', 1)
    redis.call('SADD', advisorKey .. ':convs', conversationId)
    for served in string.gmatch(queues or '', '[^,]+') do
      local pool = prefix .. ':queue:' .. served .. ':advisors'
      if redis.call('ZSCORE', pool, advisorId) then
        redis.call('ZADD', pool, newLoad * 1e13 + now, advisorId)
      end
    end
    redis.call('HSET', prefix .. ':conv:' .. conversationId,
      'status', 'active', 'advisorId', advisorId, 'assignedAt', now)
    return {conversationId, advisorId}
  end
end
return {}

-- Returns every chat an absent advisor holds to the head of its queue (ahead of normal priority,
-- keeping their original order), unless the advisor has come back meanwhile.
-- KEYS[1] advisor hash   KEYS[2] advisor's conversation set   KEYS[3] presence hash
-- ARGV[1] key prefix   ARGV[2] presence member of the advisor   ARGV[3] priority level to give
-- ARGV[4] now (ms)
-- Returns a flat list {conversationId, queue, visitorKey, ...}; {} when the advisor is back.
if tonumber(redis.call('HGET', KEYS[3], ARGV[2]) or '0') > 0 then return {} end
local prefix = ARGV[1]
local advisorId = string.match(KEYS[1], ':advisor:(.+)$')
local out = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local convKey = prefix .. ':conv:' .. id
  local status, holder, queue, visitorKey, enqueuedAt =
    unpack(redis.call('HMGET', convKey, 'status', 'advisorId', 'queue', 'visitorKey', 'enqueuedAt'))
  if status == 'active' and holder == advisorId then
    local priority = tonumber(ARGV[3])
    redis.call('HSET', convKey, 'status', 'queued', 'priority', priority)
    redis.call('HDEL', convKey, 'advisorId', 'assignedAt')
    redis.call('ZADD', prefix .. ':queue:' .. queue .. ':waiting', tonumber(enqueuedAt) - priority * 1e13, id)
    redis.call('HSET', prefix .. ':queue:' .. queue .. ':visitors', id, visitorKey)
    local pace = prefix .. ':queue:' .. queue .. ':pace'
    if redis.call('HEXISTS', pace, 'since') == 0 then redis.call('HSET', pace, 'since', ARGV[4]) end
    out[#out + 1] = id
    out[#out + 1] = queue
    out[#out + 1] = visitorKey
  end
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'load', 0)
return out

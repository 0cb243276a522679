-- Opens a conversation for a visitor and queues it, unless the visitor already has one open.
-- KEYS[1] visitor's active-conversation pointer   KEYS[2] the new conversation's hash
-- KEYS[3] the queue's waiting set (score: enqueue ms, less 1e13 per priority level)
-- KEYS[4] the queue's waiting id -> visitor key hash   KEYS[5] the queue's pace hash
-- ARGV[1] new conversation id   ARGV[2] now (ms)   ARGV[3] visitor key
-- ARGV[4..] further field/value pairs for the hash
-- Returns {conversationId, created (1|0)}
local existing = redis.call('GET', KEYS[1])
if existing then
  return {existing, 0}
end
local fields = {}
for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[2], 'id', ARGV[1], 'status', 'queued', 'lastSeq', 0, 'openedAt', ARGV[2],
  'enqueuedAt', ARGV[2], 'priority', 0, 'visitorKey', ARGV[3], unpack(fields))
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
-- A backlog starts when the first chat waits: the pace measures from here.
if redis.call('HEXISTS', KEYS[5], 'since') == 0 then redis.call('HSET', KEYS[5], 'since', ARGV[2]) end
return {ARGV[1], 1}

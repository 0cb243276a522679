-- Opens a conversation for a visitor and queues it, unless the visitor already has one open.
-- KEYS[1] visitor's active-conversation pointer
-- KEYS[2] the new conversation's hash
-- KEYS[3] the queue's waiting set (score: enqueue time in ms)
-- ARGV[1] new conversation id   ARGV[2] now (ms)   ARGV[3..] field/value pairs for the hash
-- Returns {conversationId, created (1|0)}
local existing = redis.call('GET', KEYS[1])
if existing then
  return {existing, 0}
end
local fields = {}
for i = 3, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[2], 'id', ARGV[1], 'status', 'queued', 'lastSeq', 0, 'openedAt', ARGV[2], unpack(fields))
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
return {ARGV[1], 1}

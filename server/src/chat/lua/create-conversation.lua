-- Creates a conversation's hash before its routing step (routing/lua/enqueue.lua) queues it. It is
-- 'opening' until the routing record is synced into it (routing/chat-sync.ts), and until then it
-- expires: a visitor who already had a chat open gets that one, and this hash is deleted (or, if
-- the process dies first, it expires), since nobody else ever learns its id.
-- KEYS[1] the conversation hash
-- ARGV[1] id   ARGV[2] now (ms)   ARGV[3] ms an unsynced hash lives   ARGV[4..] field/value pairs
-- Returns 1, or 0 when the hash already exists.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fields = {}
for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'status', 'opening', 'lastSeq', 0, 'openedAt', ARGV[2],
  'rv', 0, unpack(fields))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1

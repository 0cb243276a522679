-- Moves a participant's read mark forward (never back) and returns it.
-- KEYS[1] conversation hash   ARGV[1] read field ('readVisitor'|'readAdvisor')   ARGV[2] seq
-- The mark is capped at the conversation's last seq. Returns -1 when there is no conversation.
local status = redis.call('HGET', KEYS[1], 'status')
if not status or status == 'opening' then return -1 end
local lastSeq = tonumber(redis.call('HGET', KEYS[1], 'lastSeq') or '0')
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local wanted = math.min(tonumber(ARGV[2]), lastSeq)
if wanted > current then
  redis.call('HSET', KEYS[1], ARGV[1], wanted)
  return wanted
end
return current

-- Removes a process's sockets from presence: a process that stopped heartbeating (it died), or
-- this process shutting down.
-- KEYS[1] the process's member counts   KEYS[2] presence   KEYS[3] set of processes
-- KEYS[4] the process's heartbeat key
-- ARGV[1] process id   ARGV[2] '1' to reap even if the heartbeat is alive
-- Returns the members that have no socket left anywhere.
if ARGV[2] ~= '1' and redis.call('EXISTS', KEYS[4]) == 1 then return {} end
local gone = {}
local counts = redis.call('HGETALL', KEYS[1])
for i = 1, #counts, 2 do
  local member, count = counts[i], tonumber(counts[i + 1])
  if redis.call('HINCRBY', KEYS[2], member, -count) <= 0 then
    redis.call('HDEL', KEYS[2], member)
    gone[#gone + 1] = member
  end
end
redis.call('DEL', KEYS[1], KEYS[4])
redis.call('SREM', KEYS[3], ARGV[1])
return gone

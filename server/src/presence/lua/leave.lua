-- One socket of a member left this process.
-- KEYS[1] this process's member counts   KEYS[2] presence (member -> sockets, all processes)
-- ARGV[1] member
-- Returns the member's sockets left across all processes. Does nothing when this process no
-- longer counts the member (a shutdown already handed its sockets over), so nothing is taken twice.
local here = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if here <= 0 then return tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') end
if here == 1 then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HINCRBY', KEYS[1], ARGV[1], -1) end
local left = redis.call('HINCRBY', KEYS[2], ARGV[1], -1)
if left <= 0 then
  redis.call('HDEL', KEYS[2], ARGV[1])
  return 0
end
return left

-- One socket of a member arrived at this process; any absence of theirs is over.
-- KEYS[1] this process's member counts   KEYS[2] presence (member -> sockets, all processes)
-- KEYS[3] the member's absence mark   ARGV[1] member
-- A script rather than MULTI: it joins the connection's auto-pipelined batch (one write for many
-- connects) where a MULTI is written on its own.
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
redis.call('DEL', KEYS[3])
return 1

-- A chat's conversation hash now has routing version ARGV[4]: the chat leaves the unsynced list,
-- unless its routing changed again meanwhile (that change is synced in turn).
--#include includes/routing.lua
-- KEYS[FIRST_KEY] the chat's routing record   ARGV[4] chat id   ARGV[5] the version synced
local current = redis.call('HGET', KEYS[FIRST_KEY], 'rv')
if current == false or current == ARGV[5] then redis.call('ZREM', UNSYNCED, ARGV[4]) end
return 1

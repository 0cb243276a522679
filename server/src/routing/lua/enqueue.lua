-- Queues a new chat for a visitor, unless the visitor already has one open: the routing step of
-- opening a conversation (chat/conversation-repository.ts creates its hash first).
--#include includes/routing.lua
-- KEYS[FIRST_KEY] the visitor's open-chat pointer   KEYS[FIRST_KEY + 1] the chat's routing record
-- ARGV[4] chat id   ARGV[5] queue   ARGV[6] visitor key
-- Returns {chatId, created (1|0)}: the visitor's open chat when there is one.
local pointer, chat = KEYS[FIRST_KEY], KEYS[FIRST_KEY + 1]
local id, queueName, visitorKey = ARGV[4], ARGV[5], ARGV[6]
local existing = redis.call('GET', pointer)
if existing then return {existing, 0} end
local queue = QUEUES[queueName]
if not queue then return redis.error_reply('UNKNOWN_QUEUE') end
redis.call('HSET', chat, 'status', 'queued', 'queue', queueName, 'visitorKey', visitorKey,
  'enqueuedAt', NOW, 'priority', 0)
redis.call('SET', pointer, id)
enqueue(queue, id, visitorKey, NOW, 0)
changed(id)
return {id, 1}

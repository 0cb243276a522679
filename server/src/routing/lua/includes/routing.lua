-- The layout every routing script shares (built by routing/routing-script.ts from redis/keys.ts):
-- KEYS[1..4n]  per queue, in ARGV[1]'s order: waiting set, advisor pool, waiting visitors, pace
-- KEYS[4n+1]   chats whose routing changed and whose conversation hash is not yet synced (zset)
-- ARGV[1]      the queues, comma-separated   ARGV[2] the routing root (`<prefix>:{routing}`)
-- ARGV[3]      now (ms)
-- A script's own keys start at KEYS[FIRST_KEY], its own arguments at ARGV[4].
-- Keys a script only learns inside (the advisor a chat goes to, the chats in an advisor's set) are
-- built from the root below, exactly as redis/keys.ts builds them (test/redis/keys.test.ts checks
-- it). They carry the same `{routing}` hash tag, so they are in the script's slot: legal on Redis
-- Cluster.
local ROOT = ARGV[2]
local NOW = tonumber(ARGV[3])
local QUEUES = {}
local queueCount = 0
for name in string.gmatch(ARGV[1], '[^,]+') do
  local base = queueCount * 4
  QUEUES[name] = { waiting = KEYS[base + 1], advisors = KEYS[base + 2], visitors = KEYS[base + 3], pace = KEYS[base + 4] }
  queueCount = queueCount + 1
end
local UNSYNCED = KEYS[queueCount * 4 + 1]
local FIRST_KEY = queueCount * 4 + 2

local function advisorKey(advisorId) return ROOT .. ':advisor:' .. advisorId end
local function advisorChatsKey(advisorId) return ROOT .. ':advisor:' .. advisorId .. ':convs' end
local function chatKey(id) return ROOT .. ':chat:' .. id end
local function sessionsKey(member) return ROOT .. ':sessions:' .. member end
local function visitorPointerKey(visitorKey) return ROOT .. ':visitor:' .. visitorKey .. ':active' end

-- An advisor's rank in each pool they are in: least loaded first, then idle longest (since now).
local function rescore(advisorId, load)
  for served in string.gmatch(redis.call('HGET', advisorKey(advisorId), 'queues') or '', '[^,]+') do
    local queue = QUEUES[served]
    if queue and redis.call('ZSCORE', queue.advisors, advisorId) then
      redis.call('ZADD', queue.advisors, load * 1e13 + NOW, advisorId)
    end
  end
end

-- A chat joins a queue: ahead of older chats of lower priority (1e13 ms per level), and a backlog
-- starts measuring the queue's pace when the first chat waits.
local function enqueue(queue, id, visitorKey, enqueuedAt, priority)
  redis.call('ZADD', queue.waiting, enqueuedAt - priority * 1e13, id)
  redis.call('HSET', queue.visitors, id, visitorKey)
  if redis.call('HEXISTS', queue.pace, 'since') == 0 then redis.call('HSET', queue.pace, 'since', NOW) end
end

-- Every change of a chat's routing record takes a new version and lists the chat until its
-- conversation hash has the change (routing/chat-sync.ts), so a process dying in between leaves
-- it to the sync sweep, never out of step.
local function changed(id)
  redis.call('HINCRBY', chatKey(id), 'rv', 1)
  redis.call('ZADD', UNSYNCED, NOW, id)
end

-- Whether an advisor has a socket whose token is still valid now: the sessions hash (see
-- presence/lua/sessions.lua) holds each socket's token expiry last. A token's end is part of
-- availability, even before its socket has been disconnected (its process may have died), so an
-- expired advisor is never handed a chat.
local function holdsValidToken(advisorId)
  for _, session in ipairs(redis.call('HVALS', sessionsKey('a:' .. advisorId))) do
    if tonumber(string.match(session, '(%d+)$') or '0') > NOW then return true end
  end
  return false
end

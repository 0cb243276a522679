-- Appends a message to a conversation once per (author, clientMessageId).
-- KEYS[1] conversation hash   KEYS[2] message stream   KEYS[3] client-id -> seq hash
-- ARGV[1] participant field in the hash ('visitorKey' or 'advisorId'; 'id' for the system, whose
-- value is the conversation id)   ARGV[2] sender's value
-- ARGV[3] author kind   ARGV[4] client message id   ARGV[5] author name   ARGV[6] text
-- ARGV[7] sent at (ISO)   ARGV[8] now (ms): people's messages mark the conversation active
-- ARGV[9] the service's notice as JSON (protocol SystemNotice), '' for people's messages
-- ARGV[10] an advisor's opaque public id (protocol ChatMessage.authorId), '' otherwise
-- Returns {seq, 1, visitorKey, advisorId, firstResponse (1|0), openedAt} when stored, so that the
-- caller pushes to both sides without reading the conversation again; {seq, 0} for a resend;
-- {-1} no such conversation, {-2} closed, {-3} sender is not a participant (an advisor: not now).
-- A resend is recognised by sender and client id before anything else: a sender whose ack was
-- lost gets the same seq even if the chat has since closed or passed to someone else.
local opened = redis.call('HGET', KEYS[1], 'status')
if not opened or opened == 'opening' then return {-1} end
local dedupeField = ARGV[3] .. ':' .. ARGV[2] .. ':' .. ARGV[4]
local existing = redis.call('HGET', KEYS[3], dedupeField)
if existing then return {tonumber(existing), 0} end
local status, participant, visitorKey, advisorId, openedAt =
  unpack(redis.call('HMGET', KEYS[1], 'status', ARGV[1], 'visitorKey', 'advisorId', 'openedAt'))
if participant ~= ARGV[2] then return {-3} end
-- An advisor writes only while holding an active chat (isParticipant in conversation-record.ts).
if ARGV[3] == 'advisor' and status ~= 'active' then return {-3} end
if status == 'closed' then return {-2} end
local seq = redis.call('HINCRBY', KEYS[1], 'lastSeq', 1)
local entry = {'cmid', ARGV[4], 'author', ARGV[3], 'name', ARGV[5], 'text', ARGV[6], 'at', ARGV[7]}
if ARGV[9] ~= '' then
  table.insert(entry, 'notice')
  table.insert(entry, ARGV[9])
end
if ARGV[10] and ARGV[10] ~= '' then
  table.insert(entry, 'aid')
  table.insert(entry, ARGV[10])
end
redis.call('XADD', KEYS[2], seq .. '-0', unpack(entry))
redis.call('HSET', KEYS[3], dedupeField, seq)
if ARGV[3] ~= 'system' then redis.call('HSET', KEYS[1], 'lastActivityAt', ARGV[8]) end
-- The first advisor reply is a published figure (time to first response).
local firstResponse = 0
if ARGV[3] == 'advisor' then firstResponse = redis.call('HSETNX', KEYS[1], 'firstResponseAt', ARGV[8]) end
return {seq, 1, visitorKey or '', advisorId or '', firstResponse, openedAt or '0'}

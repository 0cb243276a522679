-- How the advisor who closed a chat says the case ended: settled in the chat, a follow-up opened,
-- or referred to the INPS office. Kept with the archived conversation, and in the person's day of
-- the figures as `case_outcome` (apart from `outcome`, which says what the visit led to). Empty for
-- chats closed by the visitor or the system, and for those closed before it was asked.
ALTER TABLE conversation_archive
  ADD COLUMN outcome text CHECK (outcome IN ('settled', 'follow_up', 'referred_office'));

ALTER TABLE interactions
  ADD COLUMN case_outcome text CHECK (case_outcome IN ('settled', 'follow_up', 'referred_office'));

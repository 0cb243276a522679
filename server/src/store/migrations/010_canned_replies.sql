-- Canned replies for advisors: the supervisors' shared set (owner_cf NULL) and each advisor's own
-- (owner_cf: the advisor's codice fiscale, never shown to anyone). The text may hold placeholders
-- ({stato}, {finestra_pagamento}, {prossimo_passo}, {sede}) that the console fills from the claim.
CREATE TABLE canned_replies (
  id text PRIMARY KEY,
  owner_cf text,
  lang text NOT NULL CHECK (lang IN ('it', 'en')),
  title text NOT NULL,
  body text NOT NULL,
  -- Order within the shared set, as the supervisors gave it.
  position integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL
);

CREATE INDEX canned_replies_owner_idx ON canned_replies (owner_cf, lang, title);

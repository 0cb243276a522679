-- What is wrong with the employer's payment data while a payment is in DATI_ANOMALI: the next step
-- depends on it. An IBAN not the worker's is paid anyway at a post office; wrong bank codes or
-- other errors wait for the employer's correction.
ALTER TABLE payment_requests
  ADD COLUMN anomaly_kind text CHECK (anomaly_kind IN ('iban_not_owned', 'invalid_bank_codes', 'other_data'));

-- Payments already in DATI_ANOMALI: the kind their history noted, or a data error to correct.
UPDATE payment_requests p
SET anomaly_kind = CASE (
    SELECT h.note FROM payment_status_history h
    WHERE h.payment_request_id = p.id AND h.status = 'DATI_ANOMALI'
    ORDER BY h.at DESC LIMIT 1
  )
  WHEN 'IBAN non intestato al lavoratore' THEN 'iban_not_owned'
  ELSE 'other_data'
END
WHERE p.status = 'DATI_ANOMALI';

ALTER TABLE payment_requests
  ADD CONSTRAINT payment_requests_anomaly_kind_status
  CHECK ((status = 'DATI_ANOMALI') = (anomaly_kind IS NOT NULL));

export * from './codice-fiscale.ts';
export * from './iban.ts';
export * from './partita-iva.ts';

// STUB — replaced by the event panel work.
export {};

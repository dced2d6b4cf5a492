// JSON value types shared by the simulator (no `any` in signatures).
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** RuleTester from typescript-eslint, run by vitest, parsing TypeScript (and TSX-free JS). */
import { RuleTester } from "@typescript-eslint/rule-tester";
import * as vitest from "vitest";

RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;

export const ruleTester = new RuleTester();

/** A fake token (never a real one): `hf_` + 34 letters and digits. */
export const FAKE_TOKEN = "hf_FakeTokenForTests0123456789abcdEFG";

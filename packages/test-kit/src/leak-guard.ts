// Runs after every test file: whatever that file's clients printed or threw must hold no secret.
import { afterAll, expect } from "vitest";
import { findLeaks, recordedOutputs } from "./leak-watch";

afterAll(() => {
  expect(findLeaks(recordedOutputs())).toEqual([]);
});

// Dropped into the bundler consumer by the second rehearsal run: it calls the operation that run
// adds to the instalment spec, so it compiles only once `npm update` has brought the new release.
import { createInstalmentClient } from "@enfuce-sdk/instalment";

const instalments = createInstalmentClient({
  baseUrl: process.env.ENFUCE_INSTALMENT_URL,
  credentials: { username: "rehearsal", password: "rehearsal-password" },
  auditUser: "release-rehearsal",
  throwOnError: true,
  maxRetries: 0,
});

const note = await instalments.GET("/v1/{instalmentId}/rehearsal-note", {
  params: { path: { instalmentId: "678543" } },
});
const text: string = note.text;
console.log(`upgrade: the new operation answered "${text}"`);

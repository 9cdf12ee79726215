import { domainTestConfig } from "@enfuce-sdk/mock/vitest";

export default domainTestConfig("card");

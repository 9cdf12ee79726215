// A throwaway PKI for TLS tests: a CA, a server certificate for 127.0.0.1 and a client certificate,
// all made in memory (keys by node:crypto, certificates by node-forge). Nothing is written to disk.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

export interface Pki {
  readonly ca: string;
  readonly server: { readonly cert: string; readonly key: string };
  readonly client: { readonly cert: string; readonly key: string };
}

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return {
    pem: privateKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

function certificate(
  subject: string,
  publicKey: forge.pki.PublicKey,
  issuer: { name: string; key: forge.pki.rsa.PrivateKey },
  extensions: object[],
): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  cert.setSubject([{ name: "commonName", value: subject }]);
  cert.setIssuer([{ name: "commonName", value: issuer.name }]);
  cert.setExtensions(extensions);
  cert.sign(issuer.key, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

export function createPki(): Pki {
  const caKeys = keyPair();
  const issuer = { name: "Enfuce SDK test CA", key: caKeys.privateKey };
  const ca = certificate(issuer.name, caKeys.publicKey, issuer, [
    { name: "basicConstraints", cA: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true },
  ]);
  const serverKeys = keyPair();
  const server = certificate("127.0.0.1", serverKeys.publicKey, issuer, [
    { name: "basicConstraints", cA: false },
    { name: "extKeyUsage", serverAuth: true },
    { name: "subjectAltName", altNames: [{ type: 7, ip: "127.0.0.1" }] },
  ]);
  const clientKeys = keyPair();
  const client = certificate("issuer-backoffice", clientKeys.publicKey, issuer, [
    { name: "basicConstraints", cA: false },
    { name: "extKeyUsage", clientAuth: true },
  ]);
  return { ca, server: { cert: server, key: serverKeys.pem }, client: { cert: client, key: clientKeys.pem } };
}

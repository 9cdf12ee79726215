export async function generateAll() {
  throw new Error("not ready");
}
export async function checkGenerated() {
  return false;
}

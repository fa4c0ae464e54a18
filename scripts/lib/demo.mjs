// The demo staff that commerce/src/scripts/seed/demo-data.ts creates, for the start banner and e2e tests.
export const DEMO_SIGN_INS = {
  password: "VolturaDemo#2026",
  accounts: [
    { role: "owner", email: "owner@voltura.demo" },
    { role: "manager", email: "manager@voltura.demo" },
    { role: "cashier", email: "cashier@voltura.demo" },
    { role: "technician", email: "tech@voltura.demo" },
  ],
};

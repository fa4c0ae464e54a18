import { runTransportContract } from "./index.js";
import { baileysHarness, simulatorHarness } from "../testing/harnesses.js";
import { cloudApiHarness } from "../testing/cloud-harness.js";

runTransportContract("SimulatorTransport", simulatorHarness);
runTransportContract("BaileysTransport over a fake Baileys socket", () => baileysHarness());
runTransportContract("CloudApiTransport over the fake Graph API, with signed webhooks", () => cloudApiHarness());

import { runTransportContract } from "./index.js";
import { baileysHarness, simulatorHarness } from "../testing/harnesses.js";

runTransportContract("SimulatorTransport", simulatorHarness);
runTransportContract("BaileysTransport over a fake Baileys socket", () => baileysHarness());

export { type DemoCard, demoTrustAnchorFile, openDemoCard, prepareDemoCards } from "./demo-cards";
export { type DemoAgents, type DemoReader, type DemoTapOutcome, startDemoAgents } from "./start-demo-agents";

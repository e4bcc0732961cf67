import { describeServerKill } from "./server-kill";

describeServerKill("postgres");

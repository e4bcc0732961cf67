import { describeServerKill } from "./server-kill";

describeServerKill("sqlite");

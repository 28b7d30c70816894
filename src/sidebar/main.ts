import { startSidebar } from "./app";

startSidebar(document.body);

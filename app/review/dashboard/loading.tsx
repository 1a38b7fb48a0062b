// The same skeleton as the review queue while the dashboard loads.
export { default } from "../loading";

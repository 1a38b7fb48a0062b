// The same skeleton as the mission editor while the recipe editor loads.
export { default } from "../../missions/[code]/loading";

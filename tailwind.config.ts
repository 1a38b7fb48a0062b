// Tailwind v4 reads its theme from CSS (app/globals.css, @theme). This file is loaded there with
// @config and only tells Tailwind where class names live.
const config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}"],
};
export default config;

import { render } from "svelte/server";
import { describe, expect, it } from "vitest";
import RouteSplit from "./route-split.svelte";

describe("the campaign preview's routes", () => {
  it("shows the audience split by chat and by template, and this person's route", () => {
    const { body } = render(RouteSplit, {
      props: { preview: { route: "template", route_counts: { chat: 1234, template: 56 }, template: { name: "promo_dec", language: "ms", params: ["Aina"], text: "Hai Aina" } } },
    });
    expect(body).toContain("1,234 by chat, 56 by template");
    expect(body).toContain("approved template promo_dec");
  });

  it("shows nothing when the routing is not planned", () => {
    const { body } = render(RouteSplit, { props: { preview: { route: null, route_counts: null, template: null } } });
    expect(body).not.toContain("preview-routes");
  });
});

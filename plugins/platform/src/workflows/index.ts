export * from "./create-staff-member";
export * from "./update-staff-member";
export * from "../domain/staff-shape";
export * from "./update-shop-settings";
export * from "./set-staff-password";
export * from "./setup-shop";

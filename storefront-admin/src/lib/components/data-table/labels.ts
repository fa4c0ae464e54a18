import { m } from "$lib/paraglide/messages.js";

/** The data table's own words, read in the staff member's language each time they are used. */
export const tableLabels = {
  sortBy: (column: string) => m.table_sort_by({ column }),
  get selectAll() {
    return m.table_select_all();
  },
  selectRow: (name: string) => m.table_select_row({ name }),
  selected: (count: number) => (count === 1 ? m.table_selected_one() : m.table_selected_many({ count })),
  get clearSelection() {
    return m.table_clear_selection();
  },
  get bulkActions() {
    return m.table_bulk_actions();
  },
  showing: (first: number, last: number, count: number, estimated: boolean) => {
    if (count === 0) return m.table_no_rows();
    return estimated ? m.table_showing_about({ first, last, count }) : m.table_showing({ first, last, count });
  },
  pageOf: (page: number, pages: number) => m.table_page_of({ page, pages }),
  get previous() {
    return m.common_previous();
  },
  get next() {
    return m.common_next();
  },
  get pagination() {
    return m.table_pagination();
  },
  get scrollHint() {
    return m.table_scroll_hint();
  },
  get export() {
    return m.table_export();
  },
  get exportHint() {
    return m.table_export_hint();
  },
  get presets() {
    return m.table_presets();
  },
  get presetsMenu() {
    return m.table_presets_menu();
  },
  get noPresets() {
    return m.table_no_presets();
  },
  get shared() {
    return m.table_shared();
  },
  deletePreset: (name: string) => m.table_delete_preset({ name }),
  get saveView() {
    return m.table_save_view();
  },
  get presetName() {
    return m.table_preset_name();
  },
  get shareWithShop() {
    return m.table_share_with_shop();
  },
  get save() {
    return m.common_save();
  },
};

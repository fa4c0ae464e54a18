import Root from "./table.svelte";
import Body from "./table-body.svelte";
import Caption from "./table-caption.svelte";
import Cell from "./table-cell.svelte";
import Head from "./table-head.svelte";
import Header from "./table-header.svelte";
import Row from "./table-row.svelte";

export {
  Root,
  Body,
  Caption,
  Cell,
  Head,
  Header,
  Row,
  Root as Table,
  Body as TableBody,
  Caption as TableCaption,
  Cell as TableCell,
  Head as TableHead,
  Header as TableHeader,
  Row as TableRow,
};

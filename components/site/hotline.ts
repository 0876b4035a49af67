/** 12348: the national public legal services hotline. */
export const HOTLINE = "12348";

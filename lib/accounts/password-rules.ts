// The password rule's numbers and wording, without zod: the forms show them in the browser, and
// importing the schema module there would ship zod to every registering resident (~60 kB gzip).

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const PASSWORD_RULE_TEXT = `${PASSWORD_MIN} 到 ${PASSWORD_MAX} 位，至少包含大写字母、小写字母、数字、符号中的三类，且不能包含手机号或用户名。`;

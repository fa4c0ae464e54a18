export declare const moduleRequire: NodeJS.Require;

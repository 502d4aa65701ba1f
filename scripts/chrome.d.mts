export declare const chromeArgs: string[];
export declare function chromePath(): string;

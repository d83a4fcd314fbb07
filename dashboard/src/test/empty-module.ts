// Stands in for stylesheets in jsdom tests (see jest.config.js).
export {};

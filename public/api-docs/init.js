// Renders /api/openapi.json with Swagger UI (bundled from the npm registry
// by scripts/site.sh); a file of its own, so the page needs no inline script.
window.addEventListener("load", () => {
  window.SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#docs",
    deepLinking: true,
    // Tags start folded: Swagger UI 5.35 stops drawing past about 150
    // operations open at once (the document has more), so each tag opens
    // on a click.
    docExpansion: "none",
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: false,
  });
});

// Placeholder entry point; replaced by the CLI in src/cli/.
int main() { return 0; }

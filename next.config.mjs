/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['redis', '@hubspot/api-client'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;

module.exports = () => {
  process.env.TZ = "America/Los_Angeles";
};

/**
 * A BambooHR export as HR staff paste it, for the browser tests and the README's screenshots.
 * Its ZIP column is headed "Home ZIP/Postal", which the add-on does not recognise, so the tab
 * cannot be read until the user says which column is ZIP; its Status column holds "Seasonal",
 * a value the add-on will not guess about, and "Terminated", which it leaves out.
 */
export const BAMBOOHR_EXPORT = {
  fileName: "BambooHR export.csv",
  tab: "BambooHR export",
  lines: [
    "Employee #,Last Name,First Name,Birth Date,Address Line 1,City,State,Home ZIP/Postal,Home Phone,Mobile Phone,Work Email,Status,Benefit Plan",
    "1001,Okafor,Adaeze,03/14/1989,1420 Valencia Street,San Francisco,CA,94110,(415) 555-0101,(415) 555-0134,adaeze.okafor@northwindtea.com,Active,Basic Care",
    "1002,Lindqvist,Erik,11/02/1975,88 Harbor View Road,Portland,ME,04101,,(207) 555-0148,erik.lindqvist@northwindtea.com,Active,Care Plus",
    "1003,Nguyen,Thi Mai,07/29/1996,5120 S Lamar Blvd,Austin,TX,78745,,(512) 555-0172,mai.nguyen@northwindtea.com,Seasonal,Basic Care",
    "1004,García-Ruiz,Javier,12/05/1983,301 W Monroe St,Chicago,IL,60606,(312) 555-0110,(312) 555-0165,javier.garcia-ruiz@northwindtea.com,Terminated,Care Plus",
  ],
} as const;

// Malaysian names and device models the generated rows draw from.
export const FIRST_NAMES = [
  "Ahmad", "Muhammad", "Nur", "Siti", "Aisyah", "Farid", "Hafiz", "Nurul", "Amirul", "Syafiq", "Aina", "Zulkifli",
  "Wei Jie", "Mei Ling", "Jia Hui", "Chee Keong", "Kah Wai", "Li Ying", "Yong Sheng", "Hui Min",
  "Ravi", "Priya", "Suresh", "Kavitha", "Arjun", "Deepa", "Ganesh", "Lakshmi", "Jason", "Michelle",
];
export const LAST_NAMES = [
  "Rahman", "Abdullah", "Ismail", "Hassan", "Ibrahim", "Yusof", "Osman", "Hamzah",
  "Tan", "Lim", "Lee", "Wong", "Ng", "Chong", "Ong", "Teoh", "Goh", "Chan",
  "Muthu", "Raj", "Subramaniam", "Krishnan", "Pillai", "Nair",
];
export const PROFILE_TAGS = ["vip", "corporate account", "student", "dealer referral", "prefers WhatsApp", "invoice 30 days", "repeat"];
/** [device_type, brand, model, typical part, part price in sen] */
export const DEVICES = [
  ["phone", "Apple", "iPhone 11", "Battery (Original)", 16000],
  ["phone", "Apple", "iPhone 13", "Screen (OEM)", 35000],
  ["phone", "Apple", "iPhone 15 Pro", "Back glass", 42000],
  ["phone", "Samsung", "Galaxy A54", "Charging port (Compatible)", 4500],
  ["phone", "Samsung", "Galaxy S23", "Screen (Original)", 78000],
  ["phone", "Xiaomi", "Redmi Note 12", "Screen (Compatible)", 18000],
  ["phone", "Oppo", "Reno 8", "Battery (Compatible)", 9000],
  ["phone", "Vivo", "Y36", "Charging port (Compatible)", 4000],
  ["tablet", "Apple", "iPad 9th gen", "Digitizer", 22000],
  ["tablet", "Samsung", "Galaxy Tab A8", "Screen (Compatible)", 26000],
  ["laptop", "Lenovo", "ThinkPad E14", "SSD 512GB NVMe", 22900],
  ["laptop", "Asus", "VivoBook 15", "Keyboard", 15000],
  ["laptop", "HP", "Pavilion 14", "Battery", 19000],
  ["laptop", "Apple", "MacBook Air M1", "Battery", 45000],
  ["console", "Sony", "PlayStation 5", "HDMI port", 12000],
  ["other", "Garmin", "Forerunner 255", "Battery", 11000],
];
export const ISSUES = ["Screen cracked", "Battery drains fast", "Does not charge", "No power", "Water damage", "Speaker no sound", "Overheating", "Camera blurry", "Keyboard keys not working", "Slow, needs check-up"];
export const CHAT_LINES = {
  in: ["Salam, phone saya dah siap ke?", "Hi, how much to replace the screen?", "Boleh saya ambil petang ni?", "Ok, terima kasih!", "Setuju", "Is the part in stock?", "Berapa lama nak repair?", "Thanks boss"],
  out: ["Waalaikumsalam, phone sudah siap. Boleh ambil sebelum 9 malam.", "Quote: RM 350.00 for the screen. Reply Setuju to go ahead.", "Your device is ready for pickup.", "Terima kasih, jumpa lagi!", "Part arriving tomorrow.", "Repair will take about 2 hours."],
};

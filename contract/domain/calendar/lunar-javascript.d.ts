// The few calls of lunar-javascript (MIT, 6tail) the holiday rules use; the package ships no types.
declare module 'lunar-javascript' {
  interface SolarDay {
    toYmd(): string;
    next(days: number): SolarDay;
    getLunar(): LunarDay;
  }
  interface LunarDay {
    getSolar(): SolarDay;
    /** The solar terms (节气) around this lunar year, by Chinese name: 清明 → its day. */
    getJieQiTable(): Record<string, SolarDay>;
  }
  const lunar: {
    Solar: { fromYmd(year: number, month: number, day: number): SolarDay };
    Lunar: { fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): LunarDay };
  };
  export default lunar;
}

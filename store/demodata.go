package store

import "github.com/kemenag-ortala/ziwb/model"

// The demo's named satkers: real units of Kementerian Agama, with invented
// heads, people and answers. Each profile says how far its evaluations
// have come, so every screen has something real to show.

type demoEval struct {
	stage      model.Stage
	yearsAgo   int
	answered   float64 // share of questions answered
	quality    float64 // how often the best answer is claimed
	strictness float64 // TPI/TPN: how often an answer is marked down from the PMPZI
	final      bool
	by         string
	evaluators []string
}

type demoSatker struct {
	id, name string
	kind     model.SatkerKind
	province string
	regency  string
	head     string
	target   string
	evals    []demoEval
}

var demoSatkers = []demoSatker{
	{"kankemenag-magelang", "Kantor Kemenag Kabupaten Magelang", model.Kankemenag, "Jawa Tengah", "Kabupaten Magelang",
		"H. Mahmud Fauzi, S.Ag., M.Pd.I.", model.WBBM, []demoEval{
			{model.StagePMPZI, 1, 1, 0.85, 0, true, "pic.magelang", []string{"Tim Kerja ZI Kankemenag Magelang"}},
			{model.StageTPI, 1, 1, 0.85, 0.06, true, "tpi.rahmat", []string{"Rahmat Hidayat", "Nur Aisyah"}},
			{model.StageTPN, 1, 1, 0.85, 0.05, true, "tpn.wulandari", []string{"Dewi Wulandari"}},
			{model.StagePMPZI, 0, 0.92, 0.88, 0, false, "pic.magelang", []string{"Tim Kerja ZI Kankemenag Magelang"}},
		}},
	{"kankemenag-minahasa-tenggara", "Kantor Kemenag Kabupaten Minahasa Tenggara", model.Kankemenag, "Sulawesi Utara",
		"Kabupaten Minahasa Tenggara", "Drs. Abdul Rahman Lamato, M.Si.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 1, 0.72, 0, true, "pic.mitra", []string{"Tim Kerja ZI Kankemenag Minahasa Tenggara"}},
			{model.StageTPI, 0, 0.55, 0.72, 0.3, false, "tpi.fajar", []string{"Fajar Nugroho", "Lina Marlina"}},
		}},
	{"kankemenag-sinjai", "Kantor Kemenag Kabupaten Sinjai", model.Kankemenag, "Sulawesi Selatan", "Kabupaten Sinjai",
		"H. Muhammad Arsyad, S.Ag., M.H.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 1, 0.9, 0, true, "pic.sinjai", []string{"Tim Kerja ZI Kankemenag Sinjai"}},
			{model.StageTPI, 0, 1, 0.9, 0.2, false, "tpi.rahmat", []string{"Rahmat Hidayat", "Nur Aisyah"}},
		}},
	{"kanwil-kalimantan-tengah", "Kanwil Kemenag Provinsi Kalimantan Tengah", model.Kanwil, "Kalimantan Tengah",
		"Kota Palangka Raya", "Dr. H. Nur Hadi, M.Ag.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 1, 0.8, 0, true, "pic.kalteng", []string{"Tim Kerja ZI Kanwil Kalimantan Tengah"}},
			{model.StageTPI, 0, 0.8, 0.8, 0.25, false, "tpi.fajar", []string{"Fajar Nugroho"}},
		}},
	{"kanwil-bengkulu", "Kanwil Kemenag Provinsi Bengkulu", model.Kanwil, "Bengkulu", "Kota Bengkulu",
		"H. Syamsul Bahri, S.Ag., M.M.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 0.6, 0.75, 0, false, "pic.bengkulu", []string{"Tim Kerja ZI Kanwil Bengkulu"}},
		}},
	{"kua-mertoyudan", "KUA Kecamatan Mertoyudan", model.KUA, "Jawa Tengah", "Kabupaten Magelang",
		"Ahmad Zaini, S.H.I.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 1, 0.78, 0, true, "pic.mertoyudan", []string{"Ahmad Zaini"}},
			{model.StageTPI, 0, 0.35, 0.78, 0.35, false, "tpi.wahyu", []string{"Wahyu Setiawan"}},
		}},
	{"kua-sinjai-utara", "KUA Kecamatan Sinjai Utara", model.KUA, "Sulawesi Selatan", "Kabupaten Sinjai",
		"Muh. Ilham, S.Ag.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 0.3, 0.7, 0, false, "pic.sinjaiutara", []string{"Muh. Ilham"}},
		}},
	{"kua-tombatu", "KUA Kecamatan Tombatu", model.KUA, "Sulawesi Utara", "Kabupaten Minahasa Tenggara",
		"Rizal Mokoginta, S.H.I.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 0.1, 0.6, 0, false, "pic.tombatu", []string{"Rizal Mokoginta"}},
		}},
	{"man-1-magelang", "MAN 1 Magelang", model.Madrasah, "Jawa Tengah", "Kabupaten Magelang",
		"Drs. H. Sholeh Hidayat, M.Pd.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 1, 0.82, 0, true, "pic.man1magelang", []string{"Tim ZI MAN 1 Magelang"}},
			{model.StageTPI, 0, 1, 0.82, 0.18, true, "tpi.wahyu", []string{"Wahyu Setiawan", "Nur Aisyah"}},
		}},
	{"mtsn-1-sinjai", "MTsN 1 Sinjai", model.Madrasah, "Sulawesi Selatan", "Kabupaten Sinjai",
		"Hj. Andi Nurhayati, S.Pd., M.Pd.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 0.75, 0.7, 0, false, "pic.mtsn1sinjai", []string{"Tim ZI MTsN 1 Sinjai"}},
		}},
	{"min-1-kota-bengkulu", "MIN 1 Kota Bengkulu", model.Madrasah, "Bengkulu", "Kota Bengkulu",
		"Siti Rohmah, S.Pd.I.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 0.45, 0.65, 0, false, "pic.min1bengkulu", []string{"Siti Rohmah"}},
		}},
	{"man-kota-palangka-raya", "MAN Kota Palangka Raya", model.Madrasah, "Kalimantan Tengah", "Kota Palangka Raya",
		"H. Basri Ramli, S.Ag.", model.WBK, nil},
	{"uin-fatmawati-sukarno-bengkulu", "UIN Fatmawati Sukarno Bengkulu", model.PTKN, "Bengkulu", "Kota Bengkulu",
		"Prof. Dr. H. Zulkarnain, M.Ag.", model.WBK, []demoEval{
			{model.StagePMPZI, 0, 0.85, 0.8, 0, false, "pic.uinfas", []string{"Tim ZI UIN Fatmawati Sukarno"}},
		}},
}

// Notes an evaluator writes when marking an answer down.
var demoFindings = []string{
	"Eviden belum mendukung: SK tim belum ditandatangani pimpinan.",
	"Monitoring dan evaluasi baru dilakukan satu kali, belum berkala.",
	"Belum ada bukti sosialisasi kepada seluruh pegawai.",
	"Laporan tidak memuat tindak lanjut atas hasil evaluasi.",
	"Foto kegiatan tanpa notulen dan daftar hadir.",
	"Dokumen yang diunggah untuk tahun sebelumnya.",
	"Inovasi belum dirasakan manfaatnya oleh pengguna layanan.",
}

// Notes a satker writes about its own answers.
var demoClaims = []string{
	"Data dukung diunggah lengkap di folder eviden.",
	"Kegiatan dilaksanakan setiap triwulan.",
	"Dilaksanakan bersama agen perubahan.",
	"SK ditetapkan awal tahun.",
}

var demoProvinces = []string{
	"Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Sumatera Selatan",
	"Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "DKI Jakarta", "Banten", "Jawa Barat", "Jawa Tengah",
	"DI Yogyakarta", "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
	"Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
	"Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
	"Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan", "Papua Tengah", "Papua Pegunungan",
}

// demoRekRound plans the recommendations of one satker's round: the
// evaluator who writes them (empty: who answered the round's TPI) and
// where each one ends up. They are drawn from the round's TPI, else its
// latest stage.
type demoRekRound struct {
	satker   string
	yearsAgo int
	by       string
	outcomes []demoRekOutcome
}

type demoRekOutcome struct {
	status   model.RekStatus
	due      int  // days from now; negative: already past. At least a week after it is given.
	reopened bool // dikerjakan: once selesai, sent back because the evidence fell short
}

// The named satkers' recommendations: every status, overdue and not, and
// Magelang's open ones from last year's round for the new round to check.
var demoRekRounds = []demoRekRound{
	{"kankemenag-magelang", 1, "tpi.rahmat", []demoRekOutcome{
		{model.RekDiverifikasi, -200, false}, {model.RekDikerjakan, -90, true}, {model.RekBaru, -60, false},
		{model.RekSelesai, -30, false}, {model.RekDitolak, -150, false},
	}},
	{"kankemenag-minahasa-tenggara", 0, "tpi.fajar", []demoRekOutcome{
		{model.RekBaru, 30, false}, {model.RekBaru, -3, false}, {model.RekDikerjakan, 45, false}, {model.RekBaru, 60, false},
	}},
	{"kankemenag-sinjai", 0, "tpi.rahmat", []demoRekOutcome{
		{model.RekSelesai, 20, false}, {model.RekDiverifikasi, 10, false}, {model.RekDikerjakan, -2, false}, {model.RekBaru, 40, false},
	}},
	{"kanwil-kalimantan-tengah", 0, "tpi.fajar", []demoRekOutcome{
		{model.RekBaru, 30, false}, {model.RekDikerjakan, -4, false}, {model.RekDitolak, 30, false}, {model.RekBaru, 60, false},
	}},
	{"kua-mertoyudan", 0, "tpi.wahyu", []demoRekOutcome{{model.RekBaru, 21, false}, {model.RekBaru, 45, false}}},
	{"man-1-magelang", 0, "tpi.wahyu", []demoRekOutcome{
		{model.RekDiverifikasi, -1, false}, {model.RekSelesai, 14, false}, {model.RekDikerjakan, -5, false},
	}},
	// Self-assessments still in progress, with the advice of a mentor.
	{"kanwil-bengkulu", 0, "pendamping.itjen", []demoRekOutcome{{model.RekBaru, 30, false}, {model.RekDikerjakan, 45, false}}},
	{"uin-fatmawati-sukarno-bengkulu", 0, "pendamping.itjen", []demoRekOutcome{{model.RekBaru, 60, false}}},
}

// What a satker reports doing about a recommendation.
var demoFollowUps = []string{
	"SK Tim Kerja ZI sudah direvisi dan ditandatangani kepala kantor.",
	"Monitoring dan evaluasi dijadwalkan setiap triwulan; laporan triwulan pertama sudah disusun.",
	"Sosialisasi kepada seluruh pegawai dilaksanakan saat apel pagi, dengan notulen dan daftar hadir.",
	"Rapat tindak lanjut hasil evaluasi dilaksanakan bersama agen perubahan.",
	"Survei kepuasan layanan diulang dengan 120 responden; hasilnya dipajang di ruang layanan.",
	"Data dukung tahun berjalan sudah diunggah ke folder eviden.",
	"Standar pelayanan direviu dan dimaklumatkan kembali di ruang pelayanan.",
}

// Why an evaluator rejects a recommendation.
var demoRejections = []string{
	"Sudah tercakup dalam rekomendasi lain pada area yang sama.",
	"Setelah verifikasi ulang, data dukung ternyata sudah lengkap sejak awal.",
}

// Why an evaluator sends finished work back.
var demoSendBacks = []string{
	"bukti belum cukup: laporan tanpa tanda tangan pimpinan",
	"bukti belum cukup: kegiatan baru direncanakan, belum dilaksanakan",
}
